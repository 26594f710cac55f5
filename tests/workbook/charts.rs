//! The promise of the chart export: the charts it writes are the pictures the app shows. The app's finance,
//! readiness and quick-win views build their charts with `charts::of_workbook` from the analyses
//! they cache (`analyse`, `round_result` of the round shown, `indices_by_round`); each SVG the export writes
//! must be that chart drawn at the export's size.

use std::sync::atomic::AtomicBool;

use smartcity_workbench::analysis::finance::analyse;
use smartcity_workbench::analysis::quick_wins::{Window, ranking};
use smartcity_workbench::analysis::readiness::round_result;
use smartcity_workbench::charts::of_workbook::{self, Kind};
use smartcity_workbench::charts::to_svg;
use smartcity_workbench::i18n::Lang;
use smartcity_workbench::io::chart_set::{ChartSize, main_charts};
use smartcity_workbench::io::export_plan::{ExportFormat, ExportRequest};
use smartcity_workbench::seed;

use crate::common::temp_dir;

#[test]
fn every_exported_chart_is_the_svg_of_the_chart_the_app_shows() {
    let workbook = seed::demo_workbook();
    let size = ChartSize { width: 1000, height: 700, scale: 1.0 };
    for lang in [Lang::Id, Lang::En] {
        // What the app's views build for the latest round (the round they open on).
        let analysis = analyse(&workbook).unwrap();
        let latest = round_result(&workbook, workbook.rounds.last().unwrap().id);
        let mut app = of_workbook::finance(&workbook, &analysis, lang);
        app.extend(of_workbook::readiness(&workbook, &latest, &of_workbook::indices_by_round(&workbook), lang));
        // The quick-win ranking opens on the first year of the masterplan.
        let window = Window::first_year_of(&workbook);
        app.extend(of_workbook::quick_wins(&workbook, &ranking(&workbook, window), window, lang));
        assert_eq!(app.iter().map(|(kind, _)| *kind).collect::<Vec<_>>(), Kind::ALL);

        let dir = temp_dir();
        let mut request = ExportRequest::all(dir.path().to_path_buf());
        request.formats = vec![ExportFormat::Svg];
        request.lang = lang;
        request.chart_size = size;
        let report =
            smartcity_workbench::io::export_plan::run(&workbook, &request, &mut |_| {}, &AtomicBool::new(false));
        assert_eq!(report.error, None);

        let exported = main_charts(&workbook, lang);
        assert_eq!(exported.len(), app.len(), "the demo has every chart");
        assert_eq!(report.written.len(), exported.len());
        for ((stem, export_chart), (kind, app_chart)) in exported.iter().zip(&app) {
            let shown = to_svg(app_chart.as_ref(), size.width, size.height).unwrap();
            let written = std::fs::read_to_string(dir.path().join(format!("{stem}.svg"))).unwrap();
            assert!(written == shown, "{lang:?} {kind:?}: {stem}.svg differs from the app's chart");
            assert!(to_svg(export_chart.as_ref(), size.width, size.height).unwrap() == shown, "{lang:?} {kind:?}");
        }
    }
}
