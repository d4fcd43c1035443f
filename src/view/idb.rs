//! A minimal IndexedDB key-value store for the autosave: one object store of strings.
//! IndexedDB holds far more than localStorage (whose ~5 MB a 1 MB document with 10 000
//! annotations would exceed) and writes off the main thread.
//!
//! The database is opened once and kept; after any failure it is closed and opened afresh on
//! the next call. Several keys are read, or written, in one transaction ([`get_all`],
//! [`put_all`]), so a save is all or nothing: a crash mid-save never mixes two states.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "claimmark";
const STORE: &str = "work";

/// A request's outcome, watched from now on: the handlers are set before this returns, so
/// no success or error is missed however late the future is awaited.
fn watch(request: &IdbRequest) -> JsFuture {
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
    JsFuture::from(promise)
}

/// A watched request's success (its result) or its error in words.
async fn outcome(watched: JsFuture) -> Result<JsValue, String> {
    watched.await.map_err(|error| {
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

/// Waits for a request's success (its result) or error.
async fn settle(request: &IdbRequest) -> Result<JsValue, String> {
    outcome(watch(request)).await
}

/// Words for a failed storage call: "full" for a quota error, else the error's name.
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => "the browser's storage is full".to_string(),
        Some(name) => format!("the browser's storage failed ({name})"),
        None => "the browser's storage failed".to_string(),
    }
}

thread_local! {
    /// The open database, once opened.
    static DATABASE_HANDLE: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

/// The database, opened on first use (and after a failure).
async fn database() -> Result<IdbDatabase, String> {
    if let Some(open) = DATABASE_HANDLE.with(|d| d.borrow().clone()) {
        return Ok(open);
    }
    let opened = open().await?;
    DATABASE_HANDLE.with(|d| *d.borrow_mut() = Some(opened.clone()));
    Ok(opened)
}

/// Closes the database after a failure, so the next call opens it afresh.
fn forget(database: &IdbDatabase) {
    database.close();
    DATABASE_HANDLE.with(|d| *d.borrow_mut() = None);
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

/// The strings stored under `keys`, read in one transaction.
pub async fn get_all(keys: &[&str]) -> Result<Vec<Option<String>>, String> {
    let database = database().await?;
    let read = async {
        let transaction = database
            .transaction_with_str(STORE)
            .map_err(|_| "the browser's storage cannot be read".to_string())?;
        let store = transaction
            .object_store(STORE)
            .map_err(|_| "the browser's storage cannot be read".to_string())?;
        // Every request is made, and watched, before any is awaited: one transaction.
        let watched = keys
            .iter()
            .map(|key| store.get(&JsValue::from_str(key)).map(|r| watch(&r)))
            .collect::<Result<Vec<JsFuture>, _>>()
            .map_err(|_| "the browser's storage cannot be read".to_string())?;
        let mut values = Vec::with_capacity(keys.len());
        for future in watched {
            values.push(outcome(future).await?.as_string());
        }
        Ok(values)
    };
    let result = read.await;
    if result.is_err() {
        forget(&database);
    }
    result
}

/// The string stored under `key`, if any.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    Ok(get_all(&[key]).await?.pop().flatten())
}

/// Stores every `(key, value)` in one transaction: all of them, or (on failure) none.
pub async fn put_all(entries: &[(&str, &str)]) -> Result<(), String> {
    let database = database().await?;
    let result = write(&database, entries).await;
    if result.is_err() {
        forget(&database);
    }
    result
}

/// Stores `value` under `key`.
pub async fn put(key: &str, value: &str) -> Result<(), String> {
    put_all(&[(key, value)]).await
}

async fn write(database: &IdbDatabase, entries: &[(&str, &str)]) -> Result<(), String> {
    let transaction = database
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|_| "the browser's storage cannot be written")?;
    // The data is safe once the transaction commits, not when its requests succeed.
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
    let store = transaction
        .object_store(STORE)
        .map_err(|_| "the browser's storage cannot be written")?;
    for (key, value) in entries {
        if let Err(error) = store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)) {
            let _ = transaction.abort();
            return Err(describe(&error));
        }
    }
    JsFuture::from(committed)
        .await
        .map_err(|_| "the browser's storage is full or failed".to_string())?;
    Ok(())
}
