//! A minimal IndexedDB key-value store for the autosave: one object store of strings.
//! IndexedDB holds far more than localStorage (whose ~5 MB a 1 MB document with 10 000
//! annotations would exceed) and writes off the main thread.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "claimmark";
const STORE: &str = "work";

/// Waits for a request's success (its result) or error.
async fn settle(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let success = Closure::once_into_js(move |event: web_sys::Event| {
            let result = event
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failure = Closure::once_into_js(move |event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        request.set_onsuccess(Some(success.unchecked_ref()));
        request.set_onerror(Some(failure.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|error| {
        let request = error
            .dyn_ref::<web_sys::Event>()
            .and_then(|e| e.target())
            .and_then(|t| t.dyn_into::<IdbRequest>().ok());
        let name = request
            .and_then(|r| r.error().ok().flatten())
            .map(|e| e.name());
        match name.as_deref() {
            Some("QuotaExceededError") => "the browser's storage is full".to_string(),
            Some(other) => format!("the browser's storage failed ({other})"),
            None => "the browser's storage failed".to_string(),
        }
    })
}

/// Words for a failed storage call: "full" for a quota error, else the error's name.
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => "the browser's storage is full".to_string(),
        Some(name) => format!("the browser's storage failed ({name})"),
        None => "the browser's storage failed".to_string(),
    }
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or("this browser does not allow saving (no IndexedDB)")?;
    let request: IdbOpenDbRequest = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|_| "the browser's storage cannot be opened")?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database {
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    settle(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| "the browser's storage cannot be opened".to_string())
}

/// The string stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str(STORE)
        .map_err(|_| "the browser's storage cannot be read")?;
    let store = transaction
        .object_store(STORE)
        .map_err(|_| "the browser's storage cannot be read")?;
    let request = store
        .get(&JsValue::from_str(key))
        .map_err(|_| "the browser's storage cannot be read")?;
    let value = settle(&request).await?;
    database.close();
    Ok(value.as_string())
}

/// Stores `value` under `key`.
pub async fn put(key: &str, value: &str) -> Result<(), String> {
    let database = open().await?;
    let transaction = database
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|_| "the browser's storage cannot be written")?;
    let store = transaction
        .object_store(STORE)
        .map_err(|_| "the browser's storage cannot be written")?;
    let request = store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(|e| describe(&e))?;
    settle(&request).await?;
    // The data is safe once the transaction commits, not when the request succeeds.
    let committed = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = Closure::once_into_js(move |event: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        transaction.set_oncomplete(Some(done.unchecked_ref()));
        transaction.set_onerror(Some(failed.unchecked_ref()));
        transaction.set_onabort(Some(failed.unchecked_ref()));
    });
    JsFuture::from(committed)
        .await
        .map_err(|_| "the browser's storage is full or failed".to_string())?;
    database.close();
    Ok(())
}
