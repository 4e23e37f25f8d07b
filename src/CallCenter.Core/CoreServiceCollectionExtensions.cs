using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Audit;
using CallCenter.Core.Backups;
using CallCenter.Core.Calls;
using CallCenter.Core.Cases;
using CallCenter.Core.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Interactions;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Core.Queues;
using CallCenter.Core.Reminders;
using CallCenter.Core.Reports;
using CallCenter.Core.Retention;
using CallCenter.Core.Routing;
using CallCenter.Core.Scheduling;
using CallCenter.Core.Seeding;
using CallCenter.Core.Surveys;
using CallCenter.Core.Wallboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The hub's domain and data access: engine, accounts, audit, patients, scheduling, interactions, calls, messaging, and the IVR's queues, follow-ups and SMS conversations, and the agent state machine.</summary>
    public static IServiceCollection AddCallCenterCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PhoneOptions>().BindConfiguration(PhoneOptions.SectionName);
        services.AddSingleton<PhoneNumberNormalizer>();
        services.AddSingleton<DialPolicy>();
        services.AddCallCenterData();
        services.AddFieldEncryption();
        services.AddAccounts();
        services.AddAudit();
        services.AddPatients();
        services.AddScheduling();
        services.AddReminders();
        services.AddInteractions();
        services.AddCalls();
        services.AddMessaging();
        services.AddQueues();
        services.AddFollowUps();
        services.AddCases();
        services.AddSurveys();
        services.AddConversations();
        services.AddAgents();
        services.AddCallRouting();
        services.AddWallboard();
        services.AddReports();
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.SectionName);
        services.AddSingleton<DemoSeeder>();
        services.AddBackups();
        services.AddRetention();
        return services;
    }
}
