"""Answering the survey: who may answer for which municipality, and storing an answer with its history."""

from django.db import transaction
from django.utils import timezone

from .models import QuestionAnswer, SurveyResponse, SurveyRound


class SurveyClosedError(Exception):
    """The round is not open (not yet, or no longer)."""


def current_response(survey_round, municipality):
    if municipality is None:
        return None
    return (
        SurveyResponse.objects.filter(round=survey_round, municipality=municipality, is_current=True)
        .prefetch_related("answers")
        .first()
    )


def submit_response(survey_round, municipality, user, answers, remarks="", now=None):
    """Store a municipality's answer; an earlier answer of the same municipality becomes history.

    `answers` maps question ids to {urgency, formats, topics, support}. Raises SurveyClosedError outside the
    round's open period, whatever the form showed when it was loaded.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # Lock the round: two colleagues submitting at once are stored one after the other.
        survey_round = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
        if not survey_round.is_open(now):
            raise SurveyClosedError
        SurveyResponse.objects.filter(round=survey_round, municipality=municipality, is_current=True).update(
            is_current=False, replaced_at=now
        )
        response = SurveyResponse.objects.create(
            round=survey_round, municipality=municipality, submitted_by=user, submitted_at=now, remarks=remarks
        )
        question_ids = set(survey_round.questions.values_list("pk", flat=True))
        QuestionAnswer.objects.bulk_create(
            QuestionAnswer(
                response=response,
                question_id=question_id,
                urgency=answer["urgency"],
                formats=answer.get("formats", []),
                topics=answer.get("topics", []),
                support=answer.get("support", []),
            )
            for question_id, answer in answers.items()
            if question_id in question_ids
        )
    return response
