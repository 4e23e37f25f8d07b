namespace CallCenter.Core.Wallboard;

/// <summary>How many agents stand in each state. Reserved (an offer ringing) counts as on a call.</summary>
public sealed record AgentCounts(int Available, int OnCall, int WrapUp, int Break, int Offline);
