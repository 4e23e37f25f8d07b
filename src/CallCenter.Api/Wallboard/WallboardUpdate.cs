using CallCenter.Core.Wallboard;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// One push to the boards. <see cref="Version"/> grows with every changed board, so a board that gets its connect-time
/// snapshot after a newer broadcast keeps the newer one.
/// </summary>
public sealed record WallboardUpdate(long Version, WallboardSnapshot Board);
