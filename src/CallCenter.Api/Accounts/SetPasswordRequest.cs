
namespace CallCenter.Api.Accounts;

public sealed record SetPasswordRequest(string? Password);
