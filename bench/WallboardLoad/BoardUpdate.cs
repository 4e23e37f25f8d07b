namespace WallboardLoad;

/// <summary>The part of a wallboard push the bench reads; the rest of the JSON is skipped.</summary>
internal sealed record BoardUpdate(long Version, BoardFigures Board);

internal sealed record BoardFigures(DateTime At, CentreFigures Centre);

internal sealed record CentreFigures(int WaitingNow, TodayFigures Today);

internal sealed record TodayFigures(int Offered, int Abandoned);
