namespace CallCenter.Api.Accounts;

/// <summary>User name and password for a token or a cookie sign-in.</summary>
public sealed record SignInRequest(string? UserName, string? Password);

/// <summary>The signed-in user.</summary>
public sealed record CurrentUserResponse(Guid Id, string UserName, string Role);
