namespace CallCenter.Core.Patients;

/// <summary>A bad input: the field (JSON path, e.g. <c>phones[0].number</c>) and the reason.</summary>
public sealed record FieldError(string Field, string Reason);
