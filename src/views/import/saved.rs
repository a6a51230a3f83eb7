//! The datasets kept in this browser (`crate::data::local`): the last result kept and
//! opened in the dashboard (`data=local:<name>`), and the list, each with its date and
//! files, to open or remove.

use crate::data::local;
use crate::i18n::tr;
use crate::url::use_url;
use anju_data::format::{group_digits, Lang};
use anju_data::import::{Outcome, Saved};
use anju_data::metric::Metric;
use anju_data::view::query::ViewState;
use leptos::callback::Callable;
use leptos::prelude::*;

/// The kept datasets and the name the last result was kept under.
#[derive(Clone, Copy)]
pub struct Kept {
    pub list: RwSignal<Vec<Saved>>,
    pub last: RwSignal<Option<String>>,
    /// Why storage refused, when it did (bilingual text from the browser).
    pub failed: RwSignal<Option<String>>,
    /// Why the last zip could not be made (bilingual text).
    pub zip_failed: RwSignal<Option<String>>,
    /// The name the files picked now were kept under: reading them again with other
    /// choices replaces that result rather than adding another (`None` after a new pick).
    pub for_pick: StoredValue<Option<String>>,
}

/// Two digits.
fn two(n: u32) -> String {
    format!("{n:02}")
}

impl Kept {
    pub fn new() -> Kept {
        let k = Kept {
            list: RwSignal::new(Vec::new()),
            last: RwSignal::new(None),
            failed: RwSignal::new(None),
            zip_failed: RwSignal::new(None),
            for_pick: StoredValue::new(None),
        };
        k.refresh();
        k
    }

    fn refresh(self) {
        leptos::task::spawn_local(async move {
            match local::list().await {
                Ok(l) => self.list.set(l),
                Err(e) => self.failed.set(Some(e)),
            }
        });
    }

    /// Keeps a result: under the name the same picked files were kept under, or a new one
    /// (`import-<date>-<time>-<4 letters or digits>`, the browser's local time; the random
    /// end keeps two imports in one second, in two tabs, apart).
    pub fn keep(self, o: &Outcome, sources: Vec<String>, files: crate::data::import::Files) {
        let d = js_sys::Date::new_0();
        let (y, mo, da, h, mi, s) =
            (d.get_full_year(), d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes(), d.get_seconds());
        let name = self.for_pick.get_value().unwrap_or_else(|| {
            let end: String = (0..4)
                .map(|_| char::from_digit((js_sys::Math::random() * 36.0) as u32 % 36, 36).unwrap_or('0'))
                .collect();
            format!("import-{y}{}{}-{}{}{}-{end}", two(mo), two(da), two(h), two(mi), two(s))
        });
        self.for_pick.set_value(Some(name.clone()));
        let latest = anju_data::import::latest(&o.totals);
        let saved = Saved {
            name: name.clone(),
            title: o.title.clone(),
            as_of: o.as_of.clone(),
            saved: format!("{y}-{}-{} {}:{}", two(mo), two(da), two(h), two(mi)),
            sources,
            files: o.files.clone(),
            households: latest.map_or(0, |t| t.count(Metric::Households)),
            people: latest.map_or(0, |t| t.count(Metric::People)),
        };
        leptos::task::spawn_local(async move {
            match local::save(&saved, &files).await {
                Ok(()) => {
                    self.last.set(Some(name));
                    self.failed.set(None);
                    self.refresh();
                }
                Err(e) => self.failed.set(Some(e)),
            }
        });
    }

    fn remove(self, name: String) {
        leptos::task::spawn_local(async move {
            if let Err(e) = local::remove(&name).await {
                self.failed.set(Some(e));
            }
            if self.last.get_untracked().as_deref() == Some(name.as_str()) {
                self.last.set(None);
            }
            self.refresh();
        });
    }
}

/// The dashboard of a kept dataset, in the interface's language.
fn open_href(name: &str) -> String {
    let url = use_url();
    let state = ViewState {
        lang: url.lang.get_untracked(),
        data: Some(format!("{}{name}", anju_data::paths::LOCAL)),
        ..Default::default()
    };
    url.href(&state)
}

/// The last result's link, and the list of kept datasets; `on_zip` offers one as a zip.
pub fn kept_view(k: Kept, on_zip: Callback<Saved>) -> impl IntoView {
    let lang = use_url().lang;
    let t = move |zh: &'static str, en: &'static str| tr(lang.get(), zh, en);
    view! {
        {move || k.last.get().map(|name| view! {
            <p class="import-open-line">
                <a class="import-open" data-testid="import-open" href=open_href(&name)>{t("在看板中打开导入结果", "Open the result in the dashboard")}</a>
                " "
                <span class="import-kept-note">{t("已保存在本浏览器中（只含汇总数字），刷新后仍在。", "Kept in this browser (counts only); it stays after a reload.")}</span>
            </p>
        })}
        {move || k.failed.get().map(|e| view! {
            <p class="import-warn" role="alert">{t("无法保存在本浏览器中：", "Could not keep it in this browser: ")}{e}</p>
        })}
        {move || k.zip_failed.get().map(|e| view! {
            <p class="import-warn" role="alert">{t("无法生成 zip：", "Could not make the zip: ")}{e}</p>
        })}
        <section class="import-kept" data-testid="import-kept">
            <h2>{t("本浏览器中的导入数据", "Imported in this browser")}</h2>
            {move || {
                let list = k.list.get();
                if list.is_empty() {
                    return view! { <p class="import-kept-none">{t("还没有。", "None yet.")}</p> }.into_any();
                }
                let l = lang.get();
                view! {
                    <ul>
                        {list.into_iter().map(|s| {
                            let name = s.name.clone();
                            let to_zip = s.clone();
                            let summary = match l {
                                Lang::Zh => format!("{}，截至 {}；{} 户 {} 人；导入于 {}", s.title, s.as_of, group_digits(s.households), group_digits(s.people), s.saved),
                                Lang::En => format!("{}, as of {}; {} households, {} people; imported {}", s.title, s.as_of, group_digits(s.households), group_digits(s.people), s.saved),
                            };
                            let files = s.sources.join(tr(l, "、", ", "));
                            view! {
                                <li data-testid="import-saved" data-name=s.name.clone()>
                                    <a href=open_href(&s.name)>{summary}</a>
                                    <span class="import-kept-files">{tr(l, "文件：", "Files: ")}{files}</span>
                                    <button type="button" data-testid="import-zip" title=tr(l, "索引和分片文件，解压后放到本单位服务器上发布", "The index and shards: unpack on the office's server to publish")
                                        on:click=move |_| on_zip.run(to_zip.clone())>
                                        {tr(l, "下载 zip", "Download zip")}
                                    </button>
                                    <button type="button" data-testid="import-remove" on:click=move |_| k.remove(name.clone())>
                                        {tr(l, "删除", "Remove")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
