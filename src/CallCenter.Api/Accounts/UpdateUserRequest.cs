
namespace CallCenter.Api.Accounts;

public sealed record UpdateUserRequest(string? DisplayName, string? Role, bool? IsDisabled);
