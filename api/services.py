"""Personal API tokens: made and revoked by their owner only (the pages in api/pages/tokens.py). Tokens are a
person's, not a partnership's, so they are not in any activity feed; each change is written to the log."""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ApiToken

logger = logging.getLogger(__name__)

# Enough for every script a person runs; a limit keeps forgotten tokens from piling up unseen.
MAX_ACTIVE_TOKENS = 20


def token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`, and its key (shown once, never stored). Refused when they already have
    MAX_ACTIVE_TOKENS active tokens or an active token of that name. The person's row is locked, so two requests at
    once cannot pass the limit together."""
    name = (name or "").strip()
    try:
        ApiToken._meta.get_field("name").clean(name, None)  # required, at most 100 characters
    except ValidationError as error:
        raise ValidationError({"name": error.messages}) from None
    with transaction.atomic():
        _lock_person(user)
        active = ApiToken.objects.active().filter(user=user)
        if active.count() >= MAX_ACTIVE_TOKENS:
            raise ValidationError(
                _("You have %(count)d active tokens, the most one person may have. Revoke one you no longer use first.")
                % {"count": MAX_ACTIVE_TOKENS}
            )
        if active.filter(name__iexact=name).exists():
            raise ValidationError(
                {"name": _("You already have an active token with this name. Choose another name, or revoke that one.")}
            )
        token, key = ApiToken.issue(user, name)
    logger.info("API token %s (“%s”, %s…) made by user %s", token.pk, token.name, token.prefix, user.pk)
    return token, key


def _lock_person(user):
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Revoke one of `by`'s own tokens (a request with it is refused from now on). Revoking twice changes nothing."""
    if token.user_id != by.pk:
        raise ValidationError(_("Only its owner can revoke an API token."))
    if token.revoked_at is None:
        token.revoke()
        logger.info("API token %s (“%s”, %s…) revoked by user %s", token.pk, token.name, token.prefix, by.pk)
    return token
