//! Bluetooth heart straps (the `ble` feature, through btleplug): a strap as a heart source,
//! its beats sent as "rr" lines and a dropped link reconnected quietly; and the straps heard
//! nearby, for `attune heart scan`. btleplug is async, so each runs on a small runtime of
//! its own; nothing outside this file knows.

use crate::copy::heart as say;
use crate::domain::heart::ble::{name_matches, rr_lines};
use crate::service::heart_source::{Event, Outlet};
use btleplug::api::bleuuid::uuid_from_u16;
use btleplug::api::{BDAddr, Central as _, Manager as _, Peripheral as _, ScanFilter};
use btleplug::platform::{Adapter, Manager, Peripheral, PeripheralId};
use futures::StreamExt as _;
use std::collections::HashSet;
use std::io;
use std::time::Duration;
use tokio::time::{sleep, timeout};
use uuid::Uuid;

/// The Heart Rate service and its Heart Rate Measurement characteristic.
const HEART_RATE: Uuid = uuid_from_u16(0x180D);
const MEASUREMENT: Uuid = uuid_from_u16(0x2A37);
/// The calm pause between tries to find or reach a strap, and between looks at a quiet one.
const CALM: Duration = Duration::from_secs(2);
/// How long one try to connect may take.
const CONNECT_WITHIN: Duration = Duration::from_secs(10);
/// How often a scan looks at what has been heard.
const LOOK_EVERY: Duration = Duration::from_millis(500);

/// A strap heard nearby.
#[derive(Clone, Debug)]
pub struct Strap {
    pub name: Option<String>,
    pub address: String,
}

/// Follow the first strap heard (or the first whose name holds `name`) on a thread of its
/// own, sending its beats to `outlet` until no one listens. Fails at once, with words to
/// show, when there is no Bluetooth adapter.
pub fn start(name: Option<&str>, outlet: Outlet) -> io::Result<()> {
    let wanted = name.map(str::to_owned);
    let (ready, started) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = match runtime() {
            Ok(r) => r,
            Err(e) => {
                let _ = ready.send(Err(e));
                return;
            }
        };
        runtime.block_on(async move {
            match Radio::first().await {
                Ok(radio) => {
                    let _ = ready.send(Ok(()));
                    follow(&radio.adapter, wanted.as_deref(), &outlet).await;
                }
                Err(e) => {
                    let _ = ready.send(Err(e));
                }
            }
        });
    });
    started
        .recv()
        .unwrap_or_else(|_| Err(io::Error::other(say::NO_ADAPTER)))
}

/// What a scan tells as it goes.
pub enum Heard {
    /// An adapter was found and listening has begun.
    Listening,
    /// A strap, the first time it is heard.
    Strap(Strap),
}

/// Listen for `length`, telling `found` when listening begins and of each strap heard.
pub fn scan(length: Duration, found: &mut dyn FnMut(Heard)) -> io::Result<()> {
    runtime()?.block_on(async {
        let radio = Radio::first().await?;
        radio.adapter.start_scan(filter()).await.map_err(other)?;
        found(Heard::Listening);
        let mut seen = HashSet::new();
        // Listening ends when `length` is up; an error ends it sooner.
        let heard = timeout(length, watch(&radio.adapter, &mut seen, found)).await;
        let _ = radio.adapter.stop_scan().await;
        heard.unwrap_or(Ok(()))
    })
}

async fn watch(
    adapter: &Adapter,
    seen: &mut HashSet<PeripheralId>,
    found: &mut dyn FnMut(Heard),
) -> io::Result<()> {
    loop {
        for p in adapter.peripherals().await.map_err(other)? {
            if !seen.contains(&p.id())
                && let Some(strap) = heard_strap(&p).await
            {
                seen.insert(p.id());
                found(Heard::Strap(strap));
            }
        }
        sleep(LOOK_EVERY).await;
    }
}

fn runtime() -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

fn filter() -> ScanFilter {
    ScanFilter {
        services: vec![HEART_RATE],
    }
}

/// btleplug's error, in the system's words.
fn other(e: btleplug::Error) -> io::Error {
    io::Error::other(e.to_string())
}

/// The manager is kept beside its adapter for as long as the adapter is used.
struct Radio {
    _manager: Manager,
    adapter: Adapter,
}

impl Radio {
    async fn first() -> io::Result<Radio> {
        let unreachable = |e: btleplug::Error| io::Error::other(say::no_bluetooth(&e.to_string()));
        let manager = Manager::new().await.map_err(unreachable)?;
        let adapter = manager
            .adapters()
            .await
            .map_err(unreachable)?
            .into_iter()
            .next();
        let adapter = adapter.ok_or_else(|| io::Error::other(say::NO_ADAPTER))?;
        Ok(Radio {
            _manager: manager,
            adapter,
        })
    }
}

/// A peripheral heard now (or already linked) that offers the Heart Rate service.
async fn heard_strap(p: &Peripheral) -> Option<Strap> {
    let props = p.properties().await.ok()??;
    if !props.services.contains(&HEART_RATE) {
        return None;
    }
    // A system may remember straps long gone: only one heard in this scan, or linked, counts.
    if props.rssi.is_none() && !p.is_connected().await.unwrap_or(false) {
        return None;
    }
    let address = if props.address == BDAddr::default() {
        p.id().to_string()
    } else {
        props.address.to_string()
    };
    Some(Strap {
        name: props.local_name.or(props.advertisement_name),
        address,
    })
}

/// Why listening to a strap ended.
enum Ended {
    /// The link dropped or could not be made: try again.
    Lost,
    /// No one listens any more.
    Deaf,
}

/// Find a strap, listen; when the link drops, find the same strap again after a calm
/// pause, for as long as anyone listens. Giving up is never said: the practice goes on.
async fn follow(adapter: &Adapter, wanted: Option<&str>, outlet: &Outlet) {
    let mut same = None;
    while let Some(strap) = find(adapter, wanted, same.as_ref(), outlet).await {
        same = Some(strap.id());
        if let Ended::Deaf = listen(&strap, outlet).await {
            let _ = strap.disconnect().await;
            return;
        }
        if !pause(outlet).await {
            return;
        }
    }
}

/// Scan until a strap that fits is heard; None once no one listens.
async fn find(
    adapter: &Adapter,
    wanted: Option<&str>,
    same: Option<&PeripheralId>,
    outlet: &Outlet,
) -> Option<Peripheral> {
    let mut scanning = false;
    loop {
        if !scanning {
            scanning = adapter.start_scan(filter()).await.is_ok();
        }
        for p in adapter.peripherals().await.unwrap_or_default() {
            if same.is_some_and(|id| *id != p.id()) {
                continue;
            }
            if let Some(strap) = heard_strap(&p).await
                && name_matches(strap.name.as_deref(), wanted)
            {
                let _ = adapter.stop_scan().await;
                return Some(p);
            }
        }
        if !pause(outlet).await {
            let _ = adapter.stop_scan().await;
            return None;
        }
    }
}

/// Connect, subscribe to the measurements and send their beats until the link drops or no
/// one listens.
async fn listen(strap: &Peripheral, outlet: &Outlet) -> Ended {
    if subscribe(strap).await.is_err() {
        return Ended::Lost;
    }
    let Ok(mut notes) = strap.notifications().await else {
        return Ended::Lost;
    };
    loop {
        let lines = match timeout(CALM, notes.next()).await {
            Ok(Some(n)) if n.uuid == MEASUREMENT => rr_lines(&n.value),
            Ok(Some(_)) => Vec::new(),
            Ok(None) => return Ended::Lost,
            Err(_quiet) if !strap.is_connected().await.unwrap_or(false) => return Ended::Lost,
            Err(_quiet) => Vec::new(),
        };
        let heard = if lines.is_empty() {
            still_heard(outlet)
        } else {
            lines.into_iter().all(|l| outlet.send(Event::Line(l)))
        };
        if !heard {
            return Ended::Deaf;
        }
    }
}

async fn subscribe(strap: &Peripheral) -> btleplug::Result<()> {
    if !strap.is_connected().await? {
        timeout(CONNECT_WITHIN, strap.connect())
            .await
            .map_err(|_| btleplug::Error::TimedOut(CONNECT_WITHIN))??;
    }
    strap.discover_services().await?;
    let measurement = strap
        .characteristics()
        .into_iter()
        .find(|c| c.uuid == MEASUREMENT)
        .ok_or(btleplug::Error::NoSuchCharacteristic)?;
    strap.subscribe(&measurement).await
}

/// A calm pause before trying again; false once no one listens.
async fn pause(outlet: &Outlet) -> bool {
    sleep(CALM).await;
    still_heard(outlet)
}

/// Whether anyone still listens, asked with a blank line, which every reader skips.
fn still_heard(outlet: &Outlet) -> bool {
    outlet.send(Event::Line("\n".to_string()))
}
