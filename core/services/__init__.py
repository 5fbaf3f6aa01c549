"""Services: the only code that reads and writes the model. Each takes its region explicitly."""
