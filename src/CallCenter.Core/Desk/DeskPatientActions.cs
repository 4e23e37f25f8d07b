using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Core.Patients;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>Who is calling: linking an unknown caller to a patient, creating one, and the screen-pop again.</summary>
public sealed class DeskPatientActions(
    DeskAccess access,
    IOfferReader offers,
    IOfferLifecycle lifecycle,
    IDeskWorkRepository work,
    PatientScopeGuard scope,
    PatientService patients,
    ScreenPopBuilder screenPops,
    DeskAudit audit)
{
    public async Task<DeskResult> LinkCallerAsync(Actor agent, LinkCallerRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        if (request.PatientId == Guid.Empty)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "patientId");
        }

        var owned = await access.AcceptedOfferAsync(agent, request.OfferId, cancellationToken);
        var result = owned.Error;
        if (result is null)
        {
            // A patient the agent may not see does not exist for them (the guard audits the denial).
            result = await scope.AllowAsync(agent, request.PatientId, "desk.link-caller", $"offer {request.OfferId}", cancellationToken)
                ? await LinkAsync(owned.Offer!, request.PatientId, cancellationToken)
                : DeskResult.Fail(DeskErrors.NotFound, "no such patient", "patientId");
        }

        return await audit.WriteAsync(agent, "link-caller", result.Ok ? request.PatientId : null, result, $"offer {request.OfferId}", cancellationToken);
    }

    public async Task<DeskResult> CreatePatientAsync(Actor agent, CreatePatientRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        var owned = await access.AcceptedOfferAsync(agent, request.OfferId, cancellationToken);
        if (owned.Error is { } refused)
        {
            return await audit.WriteAsync(agent, "create-patient", null, refused, $"offer {request.OfferId}", cancellationToken);
        }

        var offer = owned.Offer!;
        if (offer.PatientId is not null)
        {
            return DeskResult.Fail(DeskErrors.Refused, "the caller is linked to a patient already", "offerId");
        }

        var input = new PatientInput(
            request.FullName, request.Sex, request.DateOfBirth, [new PhoneInput(offer.CallerNumber, IsPrimary: true)], PreferredLanguage: request.Language);
        var created = await patients.CreateAsync(agent, input, cancellationToken);
        var result = created.Outcome switch
        {
            PatientOutcome.Ok => await LinkAsync(offer, created.Value!.Patient.Id, cancellationToken),
            PatientOutcome.Invalid when created.Errors.Count > 0 => DeskResult.Fail(DeskErrors.Invalid, created.Errors[0].Reason, FieldName(created.Errors[0].Field)),
            _ => DeskResult.Fail(DeskErrors.Conflict, "the patient could not be created", null),
        };
        return await audit.WriteAsync(agent, "create-patient", created.Value?.Patient.Id, result, $"offer {offer.Id}", cancellationToken);
    }

    /// <summary>The screen-pop of an offer that is the agent's (ringing or accepted); null for anyone else's.</summary>
    public async Task<DeskScreenPop?> RefreshAsync(Actor agent, Guid offerId, CancellationToken cancellationToken)
    {
        var offer = offerId == Guid.Empty ? null : await offers.FindAsync(offerId, cancellationToken);
        if (offer is null || offer.AgentId != agent.UserId || offer.Status is not (OfferStatus.Ringing or OfferStatus.Accepted))
        {
            await audit.WriteAsync(agent, "refresh-screen-pop", null, DeskResult.Fail(offer is null ? DeskErrors.NotFound : DeskErrors.NotYours, "refused"), $"offer {offerId}", cancellationToken);
            return null;
        }

        var owned = offer.Status == OfferStatus.Accepted ? await access.AcceptedOfferAsync(agent, offerId, cancellationToken) : null;
        return await screenPops.BuildAsync(owned?.Offer ?? offer, agent, cancellationToken);
    }

    private async Task<DeskResult> LinkAsync(Offer offer, Guid patientId, CancellationToken cancellationToken)
    {
        if (!await lifecycle.LinkPatientAsync(offer.Id, patientId, cancellationToken))
        {
            return DeskResult.Fail(DeskErrors.Conflict, "the caller could not be linked", "offerId");
        }

        await work.SetPatientAsync(offer.Id, patientId, cancellationToken);
        return DeskResult.Success(patientId.ToString());
    }

    // The patient validator names its own fields; the request's names differ for a few (the phone is the caller's).
    private static string FieldName(string field) => field switch
    {
        "gender" => "sex",
        "preferredLanguage" => "language",
        _ when field.StartsWith("phones", StringComparison.Ordinal) => "offerId",
        _ => field,
    };
}
