using Ivr.Flows.Execution;
using Ivr.Flows.Languages;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Offers the patient (<c>patient.id</c>, verified: see <see cref="VerifyStep"/>) the next free slots of a department, one key each, and books the one chosen,
/// setting the <c>appointment.*</c> variables. A slot taken meanwhile is said so and fresh slots are offered (a retry);
/// a key with no slot is an invalid answer. The offered slots are kept in the call's variables, so a restarted hub
/// books the slot the caller heard. <c>option</c> is how one slot is read out, with holes <c>{n}</c>, <c>{time}</c>,
/// <c>{doctor}</c> and <c>{department}</c>; a built-in sentence per language when absent.
/// <code>{"type": "book", "department": "cardiology", "count": 3, "prompt": {...},
///   "option": {"zh-CN": "{time}，{doctor}，请按{n}。", "en-US": "Press {n} for {time} with {doctor}."},
///   "booked": "booked-say", "none": "no-slots", "fallback": "agent"}</code>
/// </summary>
[FlowStepType("book", Kinds = [FlowKind.Voice])]
public sealed class BookStep : KeypadStep
{
    /// <summary>The slot ids offered, in key order (a list of texts).</summary>
    public const string SlotsVariable = "book.slots";

    /// <summary>The offered slots as read out, so asking again after silence reads the same ones.</summary>
    public const string OptionsVariable = "book.options";

    private static readonly string[] Holes = ["n", "time", "doctor", "department"];

    private static readonly LocalizedText DefaultOption = new()
    {
        ["zh-CN"] = "{time}，{doctor}，请按{n}。",
        ["en-US"] = "Press {n} for {time} with {doctor}.",
    };

    private static readonly LocalizedText DefaultOptionWithoutDoctor = new()
    {
        ["zh-CN"] = "{time}，请按{n}。",
        ["en-US"] = "Press {n} for {time}.",
    };

    private static readonly LocalizedText DefaultTakenPrompt = new()
    {
        ["zh-CN"] = "抱歉，这个时间刚刚被约满了。",
        ["en-US"] = "Sorry, that time has just been taken.",
    };

    public string? Department { get; init; }

    /// <summary>How many slots to offer (1-5, default 3).</summary>
    public int Count { get; init; } = 3;

    public LocalizedText? Option { get; init; }

    /// <summary>Said before offering fresh slots when the chosen one was taken meanwhile.</summary>
    public LocalizedText? TakenPrompt { get; init; }

    public string? Booked { get; init; }

    public string? None { get; init; }

    protected override bool DisclosesPatientData => true;

    public override IEnumerable<StepTransition> Transitions() => [new("booked", Booked), new("none", None), new("fallback", Fallback)];

    public override IEnumerable<StepPrompt> Prompts() => [.. base.Prompts(), new("option", Option), new("takenPrompt", TakenPrompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Validate(context);
        if (context.Required("department", Department))
        {
            context.KnownDepartment("department", Department);
        }

        context.Range("count", Count, 1, 5);
        context.Required("booked", Booked);
        context.Required("none", None);
        foreach (var (language, text) in Option ?? [])
        {
            foreach (var hole in Templates.Holes(text).Where(h => !Holes.Contains(h, StringComparer.Ordinal)))
            {
                context.Error($"option.{language}", $"'{{{hole}}}' is not known here; an option may use {{n}}, {{time}}, {{doctor}} and {{department}}.");
            }
        }
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PatientVariables.PatientId(context) is null)
        {
            context.Trace("book", "none: no patient");
            return StepOutcome.Next(None, "none");
        }

        return await OfferAsync(context, leadIn: null, cancellationToken);
    }

    public override async ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = Answer(context, out var garbage);
        if (answer is null)
        {
            return Retry(context, invalid: garbage);
        }

        var slots = context.Get(SlotsVariable).AsList();
        if (answer.Length != 1 || answer[0] is < '1' or > '9' || answer[0] - '0' > slots.Length
            || !Guid.TryParse(slots[answer[0] - '1'], out var slotId) || PatientVariables.PatientId(context) is not { } patientId)
        {
            return Retry(context, invalid: true);
        }

        var result = await context.Services.Appointments.BookAsync(patientId, slotId, cancellationToken);
        if (result.Succeeded)
        {
            context.Session.Variables.Remove(SlotsVariable);
            context.Session.Variables.Remove(OptionsVariable);
            if (result.Appointment is { } appointment)
            {
                AppointmentVariables.Apply(context, appointment);
            }

            context.Trace("book", $"booked option {answer}");
            return StepOutcome.Next(Booked, "booked");
        }

        context.Session.Attempts++;
        context.Trace("book", $"refused: {result.Reason ?? "unknown"}; attempt {context.Session.Attempts}");
        if (context.Session.Attempts > Retries)
        {
            return StepOutcome.Next(Fallback, "refused");
        }

        return await OfferAsync(context, TakenPrompt ?? DefaultTakenPrompt, cancellationToken);
    }

    protected override Gather Listen(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Gather
        {
            Input = GatherInput.Dtmf,
            NumDigits = 1,
            Timeout = Timeout,
            Action = context.ActionUrl(FlowEvent.Gathered),
            ActionOnEmptyResult = true,
        };
    }

    protected override void AddPrompts(StepContext context, Gather gather)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(gather);
        foreach (var line in context.Get(OptionsVariable).AsList())
        {
            gather.Say(line, context.Language.DefaultVoice, context.Language.SayLanguage);
        }
    }

    private async ValueTask<StepOutcome> OfferAsync(StepContext context, LocalizedText? leadIn, CancellationToken cancellationToken)
    {
        var slots = await context.Services.Appointments.FreeSlotsAsync(Department!, Count, cancellationToken);
        if (slots.Count == 0)
        {
            context.Session.Variables.Remove(SlotsVariable);
            context.Session.Variables.Remove(OptionsVariable);
            context.Trace("book", "none: no free slot");
            return StepOutcome.Next(None, "none");
        }

        var offered = slots.Take(Math.Min(Count, 9)).ToList();
        context.Set(SlotsVariable, FlowValue.From(offered.Select(s => s.SlotId.ToString())));
        context.Set(OptionsVariable, FlowValue.From(offered.Select((slot, i) => OptionText(context, slot, i + 1))));
        context.Trace("book", $"offered {offered.Count} slot(s)");
        return Ask(context, leadIn);
    }

    private string OptionText(StepContext context, SlotOffer slot, int key)
    {
        var template = Option ?? (slot.DoctorName is null ? DefaultOptionWithoutDoctor : DefaultOption);
        var holes = new Dictionary<string, FlowValue>(StringComparer.Ordinal)
        {
            ["n"] = FlowValue.From(key),
            ["time"] = FlowValue.From(SpokenTime.Format(slot.StartsAt, context.TimeZone, context.Session.Language)),
            ["doctor"] = FlowValue.From(slot.DoctorName),
            ["department"] = FlowValue.From(slot.DepartmentNameIn(context.Session.Language)),
        };
        return Templates.Render(template.For(context.Session.Language, context.Flow.EffectiveDefaultLanguage), holes);
    }
}
