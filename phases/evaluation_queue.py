"""Asking for an evaluation of a partnership's checklist (the "evaluate now" button and a new judgement).

A stand-in for phases.services.evaluation_request (which queues the worker's task): it only records the request,
reusing the one already queued, since at most one request per partnership waits at a time."""

from django.db import IntegrityError, transaction

from .models import EvaluationRequest, RequestStatus, Trigger


def request(partnership, by):
    """The queued EvaluationRequest of `partnership` (made now, or the one already waiting)."""
    queued = EvaluationRequest.objects.filter(partnership=partnership, status=RequestStatus.QUEUED).first()
    if queued is not None:
        return queued
    try:
        with transaction.atomic():
            return EvaluationRequest.objects.create(partnership=partnership, trigger=Trigger.MANUAL, requested_by=by)
    except IntegrityError:  # queued meanwhile by someone else: that one will do
        return EvaluationRequest.objects.get(partnership=partnership, status=RequestStatus.QUEUED)
