using System.Text.Json.Serialization;
using CallCenter.Api.Accounts;
using CallCenter.Api.Agents;
using CallCenter.Api.Audit;
using CallCenter.Api.Callbacks;
using CallCenter.Api.Calls;
using CallCenter.Api.Cases;
using CallCenter.Api.Desk;
using CallCenter.Api.Health;
using CallCenter.Api.Home;
using CallCenter.Api.Infrastructure;
using CallCenter.Api.Interactions;
using CallCenter.Api.Ivr;
using CallCenter.Api.Jobs;
using CallCenter.Api.Messaging;
using CallCenter.Api.Outbox;
using CallCenter.Api.Patients;
using CallCenter.Api.Queues;
using CallCenter.Api.Reports;
using CallCenter.Api.FollowUps;
using CallCenter.Api.Reminders;
using CallCenter.Api.Surveys;
using CallCenter.Api.Scheduling;
using CallCenter.Api.Telephony;
using CallCenter.Api.Wallboard;
using CallCenter.Core;
using CallCenter.Core.Desk;
using Carrier.Simulator;
using Notifications;
using Notifications.Cases;
using Notifications.Callbacks;
using Notifications.Jobs;
using Notifications.Maintenance;
using Notifications.Reminders;
using Serilog;

namespace CallCenter.Api;

/// <summary>How the API host is put together; Program.cs reads as the table of contents.</summary>
internal static class ApiSetup
{
    public static void AddCallCenterApi(this WebApplicationBuilder builder)
    {
        // ASP.NET Core checks service lifetimes only in Development; a scoped service held by a singleton once
        // stopped `dotnet run` while every test passed. Checked in every environment, a mistake fails the first test.
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // The host's own request lines include the query string, where a searched name or phone number
            // travels; Serilog's request logging replaces them. Pinned here so no configuration turns them on.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LogEventLevel.Warning),
            // The host's logger stays its own: Program closes the static bootstrap logger when it ends, and that
            // must never close the logger of a hub still running (several hubs share a process in tests).
            preserveStaticLogger: true);

        builder.Services.AddCallCenterCore();
        builder.Services.AddKeyProtection();
        builder.Services.AddCallCenterAuth();
        builder.Services.AddReverseProxySupport();
        builder.Services.AddMemoryCache();
        builder.Services.AddCallCenterProblemDetails();
        builder.Services.AddCallCenterHealthChecks();
        builder.Services.AddHome();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        builder.Services.AddPatientApi();
        builder.Services.AddSchedulingApi();
        builder.Services.AddRemindersApi();
        builder.Services.AddInteractionApi();
        builder.Services.AddCarrier();
        builder.Services.AddTelephonyApi();
        builder.Services.AddIvrApi();
        builder.Services.AddQueuesApi();
        builder.Services.AddReportsApi();
        builder.Services.AddAgentsApi();
        builder.Services.AddAgentDesk();
        builder.Services.AddNotifications();
        builder.Services.AddVoiceReminderCalls();
        builder.Services.AddHubJobs();
        builder.Services.AddReminderJobs(builder.Configuration["Reminders:TimeZone"] ?? "Asia/Shanghai");
        builder.Services.AddCaseJobs();
        builder.Services.AddMaintenanceJobs(builder.Configuration);
        builder.Services.AddCasesApi();
        builder.Services.AddCallbackJobs(builder.Configuration);
        builder.Services.AddDeskApi();
        builder.Services.AddWallboardApi();
        builder.Services.AddJobsApi();
        builder.Services.AddWallboardAlertsApi();
        builder.Services.AddCarrierSimulator(services => services.GetRequiredService<CarrierMode>().IsSimulator);
    }

    public static void UseCallCenterApi(this WebApplication app)
    {
        app.UseForwardedClient();
        // Request logging first, so it records the status the client finally got. It logs the path
        // without the query string, which may hold a searched name or phone number.
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpsOnly();
        app.UseAuthentication();
        app.UseMiddleware<ActiveAccountMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    public static void MapCallCenterEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHomeEndpoints();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapAuditEndpoints();
        app.MapPatientEndpoints();
        app.MapSchedulingEndpoints();
        app.MapReminderEndpoints();
        app.MapInteractionEndpoints();
        app.MapCaseEndpoints();
        app.MapCallEndpoints();
        app.MapMessageEndpoints();
        app.MapNotificationEndpoints();
        app.MapNotificationTemplateEndpoints();
        app.MapSurveyEndpoints();
        app.MapFollowUpEndpoints();
        app.MapTwilioWebhookEndpoints();
        app.MapIvrEndpoints();
        app.MapQueuesEndpoints();
        app.MapReportEndpoints();
        app.MapAgentEndpoints();
        app.MapAgentSupervisionEndpoints();
        app.MapWallboardAlertEndpoints();
        app.MapDesk();
        app.MapWallboard();
        app.MapCallbackEndpoints();
        app.MapJobEndpoints();
        app.MapCarrierSimulator();
    }
}
