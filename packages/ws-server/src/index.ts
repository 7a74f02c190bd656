// Public API: filled in by the package's issue.
export {};
