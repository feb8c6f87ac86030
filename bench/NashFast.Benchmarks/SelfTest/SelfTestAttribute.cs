namespace NashFast.Benchmarks;

/// <summary>
/// Marks a benchmark class that tests the benchmark infrastructure itself. <see cref="Program"/> hides such classes
/// unless <c>--selftest</c> is given, and then runs only them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SelfTestAttribute : Attribute;
