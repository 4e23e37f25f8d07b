using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>What an <see cref="AppointmentStep"/> does.</summary>
public enum AppointmentAction
{
    Next,
    Confirm,
    Cancel,
}
