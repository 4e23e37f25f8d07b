namespace CallCenter.Api.Accounts;

/// <summary>The signed-in user.</summary>
public sealed record CurrentUserResponse(Guid Id, string UserName, string Role);
