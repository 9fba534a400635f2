"""The domain: people, their facts, notes, meetings, reminders and briefs."""
