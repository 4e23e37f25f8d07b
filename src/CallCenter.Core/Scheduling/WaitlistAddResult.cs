using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

/// <summary>The outcome; <see cref="Entry"/> is set when added.</summary>
public sealed record WaitlistAddResult(WaitlistAddOutcome Outcome, WaitlistEntry? Entry = null);
