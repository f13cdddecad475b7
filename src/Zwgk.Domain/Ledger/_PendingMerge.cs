namespace Zwgk.Domain.Ledger;
// TEMPORARY until the parser and resolver branches merge (they own these types).
public enum DeadlineKind { None = 0, Date = 1, Ongoing = 2 }
public enum ResolutionKind { Exact = 1, Alias = 2, Abbreviation = 3, Collective = 4, Ambiguous = 5, Unresolved = 6, Unspecified = 7 }
