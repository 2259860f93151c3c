"""Learning paths per role, as text for the command line and as PDF handbooks for workshops."""
