"""The run loop: inputs in, batches through the stages, outcomes counted; runs with or without Prefect."""
