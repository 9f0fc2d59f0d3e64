"""Mindwell: a question-and-answer community for mental health and relationships."""
