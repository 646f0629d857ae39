/* base/i18n.c — the library's messages in the user's language.
 *
 * Report titles, headings, footnotes, chart titles and error messages are
 * marked with _() (glib/gi18n-lib.h, through base-private.h) and looked up
 * in the "teema" text domain, which the library shares with the command.
 * Which language comes out is the program's choice (its locale and
 * LANGUAGE): the library reads no environment itself. It binds the domain
 * to the installed catalogues when it is loaded, so that any program that
 * links libteema gets them; a program that knows better (the command run
 * from the build tree) binds it again, and the later binding wins. Must
 * always hold: catalogues are read as UTF-8 whatever the locale's
 * charset, as everything else in teema is. */
#include "base/base-private.h"

__attribute__ ((constructor)) static void
bind_domain (void)
{
  bindtextdomain (GETTEXT_PACKAGE, TEEMA_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}
