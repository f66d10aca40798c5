//! What `doctor` says about encryption at rest: the marker readable and private, whether
//! this device holds the key, and any month file still plain in an encrypted folder.

use super::doctor::{Fix, Report, check_mode};
use crate::copy::crypt as words;
use crate::store::crypt::{self, marker};
use crate::store::layout::{Layout, device_dirs};
use crate::store::read::listing;

/// Check the folder's encryption, when it has any.
pub fn check_encryption(report: &mut Report, layout: &Layout) {
    let path = marker::path(layout);
    if !marker::exists(layout) {
        return;
    }
    check_mode(report, &path, 0o600);
    let marker = match marker::read(layout) {
        Ok(Some(marker)) => marker,
        Ok(None) => return,
        Err(e) => {
            report.add(&path, e.to_string(), words::MARKER_TODO, Fix::None);
            return;
        }
    };
    if !crypt::holds(&marker.recipient) {
        report.add(&path, words::DOCTOR_NO_KEY, words::NO_KEY_TODO, Fix::None);
    }
    let Ok(devices) = device_dirs(&layout.records_dir()) else {
        return;
    };
    for (_, dir) in devices {
        for (_, _, file) in listing(&dir).unwrap_or_default() {
            if crypt::is_sealed_file(&file).is_ok_and(|sealed| !sealed) {
                report.add(&file, words::DOCTOR_PLAIN, words::DOCTOR_PLAIN_TODO, Fix::None);
            }
        }
    }
}
