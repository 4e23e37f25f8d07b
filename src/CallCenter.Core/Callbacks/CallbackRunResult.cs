namespace CallCenter.Core.Callbacks;

/// <summary>Counts of one run of the callback job.</summary>
public sealed class CallbackRunResult
{
    public int Deferred { get; set; }
    public int Offered { get; set; }
    public int Dialled { get; set; }

    /// <summary>Due callbacks another claimer took first (or whose claim was lost).</summary>
    public int Lost { get; set; }

    public int Fired => Deferred + Offered + Dialled;

    public void Add(CallbackFiring firing)
    {
        switch (firing)
        {
            case CallbackFiring.Deferred: Deferred++; break;
            case CallbackFiring.Offered: Offered++; break;
            case CallbackFiring.Dialled: Dialled++; break;
            default: Lost++; break;
        }
    }

    public override string ToString() => $"offered {Offered}, dialled {Dialled}, deferred {Deferred}, lost {Lost}";
}
