using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>What an SMS sent from a flow is for; an appointment SMS lets the patient's reply confirm or cancel.</summary>
public enum SmsPurpose
{
    Info,
    Appointment,
}
