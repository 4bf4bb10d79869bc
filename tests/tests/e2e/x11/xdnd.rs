//! A real drag and drop onto the window over the XDND protocol
//! (<https://freedesktop.org/wiki/Specifications/XDND/>), the way a file manager drops files:
//! this process owns the `XdndSelection`, sends Enter, Position and Drop to the window, and
//! answers GTK's request for the `text/uri-list`. GTK, WebKit, wry and Tauri then do what they
//! do for any drop. Only the person moving the mouse is missing.

use std::path::Path;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt as _, CreateWindowAux, EventMask, PropMode,
    SELECTION_NOTIFY_EVENT, SelectionNotifyEvent, Window, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;
use x11rb::{COPY_DEPTH_FROM_PARENT, CURRENT_TIME, NONE};

use super::{Atoms, atoms, titled};

const XDND_VERSION: u32 = 5;

/// The top-level window titled `title` that accepts drops.
fn find_target(conn: &RustConnection, root: Window, a: &Atoms, title: &str) -> Option<Window> {
    titled(conn, root, a, title).into_iter().find(|&w| {
        conn.get_property(false, w, a.aware, AtomEnum::ANY, 0, 1)
            .ok()
            .and_then(|c| c.reply().ok())
            .is_some_and(|r| r.value_len > 0)
    })
}
fn message(target: Window, kind: u32, data: [u32; 5]) -> ClientMessageEvent {
    ClientMessageEvent::new(32, target, kind, data)
}

/// Drops `files` onto the middle of the window titled `title`; returns once the window says
/// it has finished with the drop (or why it did not).
pub fn drop_files(title: &str, files: &[&Path]) -> Result<(), String> {
    let (conn, screen) = RustConnection::connect(None).map_err(|e| e.to_string())?;
    let root = conn.setup().roots[screen].root;
    let a = atoms(&conn)?;
    let target = find_target(&conn, root, &a, title)
        .ok_or_else(|| format!("no drop-aware window titled {title:?}"))?;
    let source = conn.generate_id().map_err(|e| e.to_string())?;
    conn.create_window(
        COPY_DEPTH_FROM_PARENT,
        source,
        root,
        0,
        0,
        1,
        1,
        0,
        WindowClass::INPUT_OUTPUT,
        0,
        &CreateWindowAux::new(),
    )
    .map_err(|e| e.to_string())?;
    conn.set_selection_owner(source, a.selection, CURRENT_TIME)
        .map_err(|e| e.to_string())?;
    let uris: String = files
        .iter()
        .map(|p| format!("file://{}\r\n", percent_encode(&p.to_string_lossy())))
        .collect();

    let geometry = conn
        .get_geometry(target)
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
    let at = conn
        .translate_coordinates(
            target,
            root,
            i16::try_from(geometry.width / 2).unwrap_or(200),
            i16::try_from(geometry.height / 2).unwrap_or(200),
        )
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
    let point = (u32::from(at.dst_x.cast_unsigned()) << 16) | u32::from(at.dst_y.cast_unsigned());

    let send = |kind: u32, data: [u32; 5]| -> Result<(), String> {
        conn.send_event(
            false,
            target,
            EventMask::NO_EVENT,
            message(target, kind, data),
        )
        .map_err(|e| e.to_string())?;
        conn.flush().map_err(|e| e.to_string())
    };
    send(
        a.enter,
        [source, XDND_VERSION << 24, a.uri_list, NONE, NONE],
    )?;
    send(a.position, [source, 0, point, CURRENT_TIME, a.action_copy])?;

    let deadline = Instant::now() + Duration::from_secs(15);
    let mut dropped = false;
    while Instant::now() < deadline {
        let Some(event) = conn.poll_for_event().map_err(|e| e.to_string())? else {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        match event {
            Event::ClientMessage(m) if m.type_ == a.status && !dropped => {
                let data = m.data.as_data32();
                if data[1] & 1 == 0 {
                    send(a.leave, [source, 0, 0, 0, 0])?;
                    return Err("the window refused the drag (XdndStatus without accept)".into());
                }
                send(a.drop, [source, 0, CURRENT_TIME, 0, 0])?;
                dropped = true;
            }
            Event::ClientMessage(m) if m.type_ == a.finished => return Ok(()),
            Event::SelectionRequest(r) => {
                let property = if r.target == a.uri_list {
                    conn.change_property8(
                        PropMode::REPLACE,
                        r.requestor,
                        r.property,
                        a.uri_list,
                        uris.as_bytes(),
                    )
                    .map_err(|e| e.to_string())?;
                    r.property
                } else if r.target == a.targets {
                    conn.change_property32(
                        PropMode::REPLACE,
                        r.requestor,
                        r.property,
                        AtomEnum::ATOM,
                        &[a.targets, a.uri_list],
                    )
                    .map_err(|e| e.to_string())?;
                    r.property
                } else {
                    NONE
                };
                let notify = SelectionNotifyEvent {
                    response_type: SELECTION_NOTIFY_EVENT,
                    sequence: 0,
                    time: r.time,
                    requestor: r.requestor,
                    selection: r.selection,
                    target: r.target,
                    property,
                };
                conn.send_event(false, r.requestor, EventMask::NO_EVENT, notify)
                    .map_err(|e| e.to_string())?;
                conn.flush().map_err(|e| e.to_string())?;
            }
            _ => {}
        }
    }
    Err(if dropped {
        "the window never finished the drop (XdndFinished)".into()
    } else {
        "the window never answered the drag (XdndStatus)".into()
    })
}

/// `file://` URIs escape what is not unreserved or `/`.
fn percent_encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
