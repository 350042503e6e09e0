"""Every existing site gets its default languages (website/structure.py):
the regional site English and Russian, each mission its country's language,
Russian and English. Sites that already have the setting keep it."""

from django.db import migrations


def set_default_languages(apps, schema_editor):
    from website.structure import default_languages

    Site = apps.get_model("wagtailcore", "Site")
    SiteLanguages = apps.get_model("website", "SiteLanguages")
    MissionHomePage = apps.get_model("missions", "MissionHomePage")
    countries = dict(MissionHomePage.objects.values_list("pk", "country"))
    for site in Site.objects.exclude(pk__in=SiteLanguages.objects.values("site_id")):
        SiteLanguages.objects.create(
            site=site, languages=default_languages(countries.get(site.root_page_id, ""))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0006_site_languages"),
        ("missions", "0002_verbose_names"),
    ]

    operations = [migrations.RunPython(set_default_languages, migrations.RunPython.noop)]
