using System.Text.Json.Serialization;
using Ivr.Flows.Execution;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Model;

/// <summary>A named transition of a step: the field it is written in and the step it leads to.</summary>
public readonly record struct StepTransition(string Field, string? Target);
