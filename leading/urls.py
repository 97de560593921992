from django.urls import path

from . import views

app_name = "leading"
urlpatterns = [
    path("", views.guidance, name="guidance"),
    path("assessments/", views.regional_table, name="regional"),
    path("assessments/answers.csv", views.answers_csv, name="answers_csv"),
    path("assessments/<slug:county>/", views.county_detail, name="county"),
    path("assessments/<slug:county>/answers.csv", views.answers_csv, name="county_answers_csv"),
    path("assessments/<slug:county>/start/", views.start_assessment, name="start"),
    path("assessments/<slug:county>/<int:pk>/", views.assessment_detail, name="assessment"),
    path("assessments/<slug:county>/<int:pk>/edit/", views.edit_assessment, name="edit"),
    path("assessments/<slug:county>/<int:pk>/discard/", views.discard_assessment, name="discard"),
    path("assessments/<slug:county>/<int:pk>/report.pdf", views.assessment_pdf, name="pdf"),
]
