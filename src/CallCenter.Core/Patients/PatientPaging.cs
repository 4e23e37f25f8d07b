using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

internal static class PatientPaging
{
    /// <summary>
    /// <see cref="PageRequest.Validate"/>, plus a cap on the page number: past it, <c>Skip</c> overflows an int
    /// and the database would refuse a negative offset (a 500 for what is only bad input).
    /// </summary>
    public static FieldError? Check(PageRequest page)
    {
        if (page.Validate() is { } error)
        {
            return new FieldError(error.Field, error.Reason);
        }

        return (long)page.Page * page.PageSize > int.MaxValue ? new FieldError("page", "is too large") : null;
    }
}
