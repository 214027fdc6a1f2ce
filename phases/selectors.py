from .models import PhaseTransition


def transitions_for(partnership):
    return PhaseTransition.objects.filter(partnership=partnership).select_related("by")
