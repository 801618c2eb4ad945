from django.urls import path

from hedef.monitoring.views import cycles, operator, review, submissions, workbook

app_name = "monitoring"

urlpatterns = [
    path("", cycles.cycle_index, name="cycles"),
    path("cycles/new/", cycles.cycle_open, name="cycle-open"),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle-detail"),
    path("cycles/<int:pk>/publish/", cycles.cycle_publish, name="cycle-publish"),
    path("cycles/<int:pk>/workbook/upload/", workbook.upload, name="workbook-upload"),
    path("cycles/<int:pk>/workbook/<slug:agency>.xlsx", workbook.download, name="workbook"),
    path("my/", submissions.my_agency, name="my-agency"),
    path("review/", review.queue, name="review-queue"),
    path("reports/<int:pk>/", submissions.submission_detail, name="submission-detail"),
    path("reports/<int:pk>/review/", review.submission_review, name="submission-review"),
    path("reports/<int:pk>/comments/", review.comment_add, name="comment-add"),
    path("reports/<int:pk>/contribution/", submissions.contribution_save, name="contribution"),
    path("reports/<int:pk>/evidence/", submissions.evidence_upload, name="evidence-upload"),
    path("evidence/<int:pk>/", submissions.evidence_download, name="evidence"),
    path("evidence/<int:pk>/delete/", submissions.evidence_delete, name="evidence-delete"),
    path("tokens/", operator.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", operator.token_revoke, name="token-revoke"),
    path("audit/", operator.audit_log, name="audit"),
]
