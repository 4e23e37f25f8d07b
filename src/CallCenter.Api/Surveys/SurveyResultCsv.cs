using System.Globalization;
using System.Text;
using CallCenter.Core.Surveys;

namespace CallCenter.Api.Surveys;

/// <summary>Survey results as CSV (RFC 4180: quoted where needed, CRLF), one answer a line, times in UTC ISO 8601.</summary>
internal static class SurveyResultCsv
{
    public const string Header =
        "answer_id,received_at,survey_key,survey_version,question_index,question_type,score,answer_text,invitation_id,trigger_kind,patient_id,call_sid,agent_id,queue_name,department_id,doctor_id,appointment_id";

    public static string Write(IEnumerable<SurveyResult> rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            string?[] cells =
            [
                row.AnswerId.ToString(), row.ReceivedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), row.SurveyKey,
                row.SurveyVersion.ToString(CultureInfo.InvariantCulture), row.QuestionIndex.ToString(CultureInfo.InvariantCulture), row.QuestionType,
                row.Score?.ToString(CultureInfo.InvariantCulture), row.AnswerText, row.InvitationId.ToString(), row.TriggerKind, row.PatientId.ToString(),
                row.CallSid, row.AgentId?.ToString(), row.QueueName, row.DepartmentId?.ToString(), row.DoctorId?.ToString(), row.AppointmentId?.ToString(),
            ];
            text.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
        }

        return text.ToString();
    }

    // A leading = + - @ would make a spreadsheet run the patient's text as a formula: quote it with a leading apostrophe.
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
