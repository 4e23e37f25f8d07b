using CallCenter.Core.Audit;
using Notifications.Jobs;

namespace CallCenter.Api.Jobs;

/// <summary>What a job command endpoint needs.</summary>
internal sealed record JobCommandServices(IJobCatalog Jobs, IAuditLog Audit, HttpContext Context);
