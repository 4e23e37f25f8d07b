namespace CallCenter.Api.Accounts;

/// <summary>User name and password for a token or a cookie sign-in.</summary>
public sealed record SignInRequest(string? UserName, string? Password);
