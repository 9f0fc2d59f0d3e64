"""What the API answers with. Built by the functions beside each schema, never from a
model directly, so no field (an email, an anonymous writer's account) slips out."""
