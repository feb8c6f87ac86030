namespace NashFast.BenchCompare;

/// <summary>Input the comparer cannot use (a missing folder, unreadable JSON, a bad option); exit code 2.</summary>
public sealed class BadInputException : Exception
{
    /// <summary>Creates the exception with a message that names the file or option at fault.</summary>
    public BadInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public BadInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public BadInputException()
        : base("Bad input.")
    {
    }
}
