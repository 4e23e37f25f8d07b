using System.Text.Json.Serialization;
using Ivr.Flows.Execution;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Model;

/// <summary>A prompt of a step: the field it is written in and its texts.</summary>
public readonly record struct StepPrompt(string Field, LocalizedText? Text);
