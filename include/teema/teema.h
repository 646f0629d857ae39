/* teema/teema.h — the whole public API of libteema. */
#ifndef TEEMA_H
#define TEEMA_H

#include <teema/error.h>
#include <teema/files.h>
#include <teema/project.h>
#include <teema/transcript.h>
#include <teema/document.h>
#include <teema/formats.h>
#include <teema/informant.h>
#include <teema/segment.h>
#include <teema/codebook.h>
#include <teema/theme.h>
#include <teema/text.h>
#include <teema/rule.h>
#include <teema/coding.h>
#include <teema/autocode.h>
#include <teema/table.h>
#include <teema/report.h>
#include <teema/stats.h>
#include <teema/compare.h>
#include <teema/quotes.h>
#include <teema/evaluate.h>
#include <teema/evidence.h>
#include <teema/search.h>
#include <teema/refi.h>
#include <teema/agreement.h>
#include <teema/memo.h>
#include <teema/suggestion.h>
#include <teema/highlight.h>
#include <teema/merge.h>
#include <teema/cooccurrence.h>
#include <teema/saturation.h>
#include <teema/chart.h>
#include <teema/proposal.h>
#include <teema/names.h>

#endif
