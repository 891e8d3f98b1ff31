"""What volunteers tells the apps that build on it (matching) without knowing them."""

from django.dispatch import Signal

# Sent with `profile` after a resident's profile, skills or consents changed, inside the
# transaction that changed them.
profile_changed = Signal()

# Sent with `signup` when an editor confirms a sign-up, inside the transaction.
signup_confirmed = Signal()
