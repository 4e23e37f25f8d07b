using System.Data.Common;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Hears every appointment change inside the transaction that makes it, so what follows from the change (reminders
/// scheduled, moved or withdrawn; a freed place offered to the waitlist) commits or rolls back with it. A listener
/// writes only through the connection and transaction it is given; an exception rolls the change
/// back. None are registered by default.
/// </summary>
public interface IAppointmentChangeListener
{
    Task OnChangedAsync(AppointmentChange change, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
