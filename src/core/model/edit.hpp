// The edit model: every change to a Case is an undoable Command kept in an EditHistory.
// No GUI dependency: the app drives it, tests drive it, a future scripting tool could too.
//
// [SECTION] addressing items (ItemKind, ItemRef)
// [SECTION] commands (Command, AddItem, RemoveItem, ReplaceItem, SetInfo, SetPublication)
// [SECTION] history (EditOutcome, EditHistory)
//
// Rules the history enforces, so no caller can forget them:
// - after every command the case must still validate: a command that would add a
//   validation error is refused (the case is left exactly as it was) and the
//   outcome carries the diagnostics;
// - removing a person, agency or event that something still names is refused with a
//   message listing what names it (we chose refusal over a silent cascade: a chair
//   should decide what happens to a partnership, not lose it as a side effect);
// - consecutive edits to the same field (typing) merge into one undo step until the
//   caller seals the group (the field loses focus) or the case is saved.
#pragma once
#include "core/model/diagnostics.hpp"
#include "core/model/model.hpp"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace genochron {

// ------------------------------------------------------------ [SECTION] addressing items

enum class ItemKind { None, Person, Partnership, Relation, Household, Event, Recommendation, Action, Agency, CaseInfo, Publication };
std::string_view toString(ItemKind k);   // "person", "partnership", ...

// Addresses one item: by id where the collection has ids, by position in
// partnerships and relations (which have none). Actions live inside recommendations:
// `parent` names the recommendation when adding one.
struct ItemRef {
    static constexpr std::size_t kNoIndex = std::numeric_limits<std::size_t>::max();
    std::string id;
    std::size_t index = kNoIndex;
    std::string parent;

    static ItemRef byId(std::string id) { return {std::move(id), kNoIndex, {}}; }
    static ItemRef at(std::size_t i) { return {{}, i, {}}; }
    bool operator==(const ItemRef&) const = default;
};

// What still names a person, agency or event ("partnership with nicole", "event e017", ...).
// Empty when nothing does.
std::vector<std::string> referencesTo(const Case& c, ItemKind kind, const std::string& id);

// ------------------------------------------------------------ [SECTION] commands

class Command {
public:
    virtual ~Command() = default;
    // Changes the case. Throws GenochronError when it cannot; the case is then untouched.
    virtual void apply(Case& c) = 0;
    // Exactly undoes apply() on the case apply() left.
    virtual void revert(Case& c) = 0;
    virtual std::string label() const = 0;   // for the Edit menu: "Edit event e017: what"
    // Commands with the same non-empty key, one after another, become one undo step.
    virtual std::string mergeKey() const { return {}; }
    // Takes over `next` (same key, already applied) so that revert() undoes both.
    virtual bool absorb(const Command& next) { (void)next; return false; }
};

// Adds an item at the end of its collection (or at `at`).
template <class T> class AddItem final : public Command {
public:
    explicit AddItem(T item, std::optional<std::size_t> at = std::nullopt, std::string parent = {});
    void apply(Case& c) override;
    void revert(Case& c) override;
    std::string label() const override;

private:
    T m_item;
    std::optional<std::size_t> m_at;
    std::string m_parent;        // actions: the recommendation
    std::size_t m_index = 0;     // where apply() put it
};

// Removes an item; refuses when something still names it.
template <class T> class RemoveItem final : public Command {
public:
    explicit RemoveItem(ItemRef ref);
    void apply(Case& c) override;
    void revert(Case& c) override;
    std::string label() const override;

private:
    ItemRef m_ref;
    T m_removed{};
    std::string m_parent;
    std::size_t m_index = 0;
};

// Replaces an item with a new value. `field` names what changed, for the label and for
// merging keystrokes ("what", "name"); empty = never merges.
template <class T> class ReplaceItem final : public Command {
public:
    ReplaceItem(ItemRef ref, T newValue, std::string field = {});
    void apply(Case& c) override;
    void revert(Case& c) override;
    std::string label() const override;
    std::string mergeKey() const override;
    bool absorb(const Command& next) override;

private:
    ItemRef m_ref;
    T m_old{}, m_new;
    std::string m_field;
    std::string m_parent;
    std::size_t m_index = 0;
};

// The case's own block (title, scope, ...).
class SetCaseInfo final : public Command {
public:
    explicit SetCaseInfo(CaseInfo info, std::string field = {});
    void apply(Case& c) override;
    void revert(Case& c) override;
    std::string label() const override;
    std::string mergeKey() const override;
    bool absorb(const Command& next) override;

private:
    CaseInfo m_old, m_new;
    std::string m_field;
};

// The publication settings; nullopt = defaults (and no block in the file).
class SetPublication final : public Command {
public:
    explicit SetPublication(std::optional<Publication> pub, std::string field = {});
    void apply(Case& c) override;
    void revert(Case& c) override;
    std::string label() const override;
    std::string mergeKey() const override;
    bool absorb(const Command& next) override;

private:
    std::optional<Publication> m_old, m_new;
    std::string m_field;
};

// ------------------------------------------------------------ [SECTION] history

struct EditOutcome {
    bool applied = false;
    std::string message;                   // why it was refused, for a review chair
    std::vector<Diagnostic> diagnostics;   // the validation errors the edit would have added
    explicit operator bool() const { return applied; }
};

class EditHistory {
public:
    explicit EditHistory(std::size_t limit = 1000);

    // Applies `cmd`, then validates. Refused (case unchanged, nothing recorded) when the
    // command throws or the case would gain validation errors.
    EditOutcome execute(Case& c, std::unique_ptr<Command> cmd);

    bool canUndo() const { return m_pos > 0; }
    bool canRedo() const { return m_pos < m_steps.size(); }
    void undo(Case& c);   // no-op when there is nothing to undo
    void redo(Case& c);
    std::string undoLabel() const;   // empty when none
    std::string redoLabel() const;

    // The next command starts a new undo step even if it edits the same field.
    void sealMerge() { m_sealed = true; }

    // Saved: the case as it is now is the clean state. Undo past it makes it dirty again.
    void markClean();
    bool dirty() const { return !m_cleanPos || *m_cleanPos != m_pos; }
    // The case differs from its file for a reason the history did not see (a recovered
    // autosave): dirty until the next save.
    void markUnsaved() { m_cleanPos.reset(); }

    // Changes whenever the case does (execute, merge, undo, redo): views re-render on it.
    std::uint64_t revision() const { return m_revision; }

    // Forget everything (a new file was opened); the case is clean.
    void clear();

    std::size_t size() const { return m_steps.size(); }

private:
    std::vector<std::unique_ptr<Command>> m_steps;
    std::size_t m_pos = 0;                   // steps before m_pos are applied
    std::optional<std::size_t> m_cleanPos = 0;
    std::size_t m_limit;
    bool m_sealed = true;
    std::uint64_t m_revision = 0;
};

}  // namespace genochron
