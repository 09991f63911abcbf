"""Django's generic admin messages, in an Italian that agrees with any model (issue 11).

Django's Italian catalogue writes "Il {name} “{obj}” è stato modificato…": right for
"il piano", wrong for "la pagina" or "l'iscrizione", and it calls deleting "cancellare",
the word the portal keeps for unsubscribing ("cancella l'iscrizione") and for the GDPR
erasure ("cancellazione dei dati"). The msgids below are Django's own; naming them here
brings them into the project's catalogue (`make messages`), whose translations win over
Django's (LOCALE_PATHS comes first). Each Italian sentence is built so that nothing needs
to agree with the model's gender ("Modifica salvata: pagina «…»").

Nothing imports this module: it is read by `makemessages` only.
"""

from django.utils.translation import gettext_noop, ngettext


def _messages():  # pragma: no cover (never called: the strings are for makemessages)
    gettext_noop("The {name} “{obj}” was added successfully.")
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below.")
    gettext_noop("The {name} “{obj}” was added successfully. You may edit it again below.")
    gettext_noop("The {name} “{obj}” was changed successfully.")
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below.")
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below.")
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully.")
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?")
    gettext_noop("Delete selected %(verbose_name_plural)s")
    gettext_noop("Successfully deleted %(count)d %(items)s.")
    gettext_noop("Cannot delete %(name)s")
    gettext_noop("Add another %(verbose_name)s")
    gettext_noop("Deleted “%(object)s.”")
    gettext_noop("Added {name} “{object}”.")
    gettext_noop("Changed {fields} for {name} “{object}”.")
    gettext_noop("Deleted {name} “{object}”.")
    gettext_noop("Delete")
    gettext_noop("Delete?")
    gettext_noop("Deleted:")
    gettext_noop("Delete multiple objects")
    gettext_noop("Change selected %(model)s")
    gettext_noop("Add another %(model)s")
    gettext_noop("Delete selected %(model)s")
    gettext_noop("View selected %(model)s")
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of the '
        "following related items will be deleted:"
    )
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following "
        "objects and their related items will be deleted:"
    )
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    )
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would require deleting the "
        "following protected related objects:"
    )
    # Django 5.2's table headers on the admin home, which its Italian catalogue lacks.
    gettext_noop("Model name")
    gettext_noop("Add link")
    gettext_noop("Change or view list link")
    ngettext(
        "%(count)s %(name)s was changed successfully.",
        "%(count)s %(name)s were changed successfully.",
        1,
    )
