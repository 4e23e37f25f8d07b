
namespace CallCenter.Api.Accounts;

public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Role, string? Password);
