namespace Ivr.Flows.Execution;

/// <summary>
/// Something a turn did that the hub acts on or keeps: a step entered, a call put in a queue, a caller verified or
/// not, a step that failed. The engine and the steps report these as they happen, next to the trace. The trace is
/// text for people to read; the hub reads these typed events and never parses the trace.
/// </summary>
public abstract record TurnEvent(string Step);
