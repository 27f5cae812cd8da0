import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { setupSteps, type SetupStep } from '@practice/events';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { badRequest } from '../http/problem';
import { ChartCallParams, type ChartCall } from './chart-call';
import { ChartCommandSender } from './chart-command-sender';
import { EditClientProfileCommand, TagClientCommand } from '../clients/client.commands';
import { identityEdit, overviewEdit, profileEdit } from './client-record-patch';
import type { JsonObject } from '../http/merge-patch';
import { MERGE_PATCH_MEDIA_TYPES, MergePatchBody } from '../http/merge-patch-body';
import { PersonNameDto } from '../http/person-name.dto';
import {
  EditClientIdentityRequestDto,
  EditClientOverviewRequestDto,
  EditClientProfileRequestDto,
  SetClientPhotoRequestDto,
  TagClientRequestDto,
} from './client-record.request.dto';
import { uuidParam } from './path-params';
import { photoRefOf } from './photo-file';
import { CommandRunner } from '../application/command-runner';
import { ApiChanged } from '../http/api-answers';
import { ChartAnswerDto } from '../clients/clients.response.dto';

const mergePatchBody =
  'A JSON merge patch (RFC 7396): a field sent sets it, null clears it, a field left out stays as it is. ' +
  'The merged section must be a valid PUT body (the schema shown), or nothing changes.';

/** The client's record: profile card, overview, identity, photo, tags and the setup wizard. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/clients/:clientId')
export class ClientRecordController {
  constructor(
    private readonly sender: ChartCommandSender,
    private readonly runner: CommandRunner,
  ) {}

  @Put('profile')
  @RequiresPermission('clients:write')
  @ApiChanged('Replace the profile card: a field left out (or null) is cleared. PATCH changes only the fields sent.', ChartAnswerDto)
  editProfile(@ChartCallParams() call: ChartCall, @Body() body: EditClientProfileRequestDto) {
    const envelope = this.sender.envelope(call, 'EditClientProfile');
    const command = { ...profileEdit(body), chartId: call.chartId, practiceId: call.practiceId };
    return this.sender.send(new EditClientProfileCommand(envelope, command, call.ifMatch));
  }

  @Patch('profile')
  @RequiresPermission('clients:write')
  @ApiChanged('Change some fields of the profile card: a JSON merge patch (RFC 7396) of the PUT body', ChartAnswerDto)
  @ApiConsumes(...MERGE_PATCH_MEDIA_TYPES)
  @ApiBody({ type: EditClientProfileRequestDto, description: mergePatchBody })
  patchProfile(@ChartCallParams() call: ChartCall, @MergePatchBody() patch: JsonObject) {
    const envelope = this.sender.envelope(call, 'PatchClientProfile');
    const command = { type: 'PatchClientProfile' as const, chartId: call.chartId, practiceId: call.practiceId, now: envelope.now, patch };
    return this.sender.send(new EditClientProfileCommand(envelope, command, call.ifMatch));
  }

  @Put('overview')
  @RequiresPermission('clients:write')
  @ApiChanged('Replace the overview: a field left out (or null) is cleared. PATCH changes only the fields sent.', ChartAnswerDto)
  editOverview(@ChartCallParams() call: ChartCall, @Body() body: EditClientOverviewRequestDto) {
    return this.sender.change(call, overviewEdit(body));
  }

  @Patch('overview')
  @RequiresPermission('clients:write')
  @ApiChanged('Change some fields of the overview: a JSON merge patch (RFC 7396) of the PUT body; the address merges field by field', ChartAnswerDto)
  @ApiConsumes(...MERGE_PATCH_MEDIA_TYPES)
  @ApiBody({ type: EditClientOverviewRequestDto, description: mergePatchBody })
  patchOverview(@ChartCallParams() call: ChartCall, @MergePatchBody() patch: JsonObject) {
    return this.sender.change(call, { type: 'PatchClientOverview', patch });
  }

  @Put('identity')
  @RequiresPermission('clients:write')
  @ApiChanged('Replace the identity: a field left out (or null) is cleared. PATCH changes only the fields sent.', ChartAnswerDto)
  editIdentity(@ChartCallParams() call: ChartCall, @Body() body: EditClientIdentityRequestDto) {
    return this.sender.change(call, identityEdit(body));
  }

  @Patch('identity')
  @RequiresPermission('clients:write')
  @ApiChanged('Change some fields of the identity: a JSON merge patch (RFC 7396) of the PUT body', ChartAnswerDto)
  @ApiConsumes(...MERGE_PATCH_MEDIA_TYPES)
  @ApiBody({ type: EditClientIdentityRequestDto, description: mergePatchBody })
  patchIdentity(@ChartCallParams() call: ChartCall, @MergePatchBody() patch: JsonObject) {
    return this.sender.change(call, { type: 'PatchClientIdentity', patch });
  }

  @ApiChanged('Set the legal name of the client', ChartAnswerDto)
  @Put('legal-name')
  @RequiresPermission('clients:write')
  setLegalName(@ChartCallParams() call: ChartCall, @Body() body: PersonNameDto) {
    return this.sender.change(call, { type: 'SetLegalName', firstName: body.firstName, lastName: body.lastName });
  }

  @ApiChanged('Clear the legal name of the client', ChartAnswerDto)
  @Delete('legal-name')
  @RequiresPermission('clients:write')
  clearLegalName(@ChartCallParams() call: ChartCall) {
    return this.sender.change(call, { type: 'ClearLegalName' });
  }

  @ApiChanged('Set the photo of the client: an image uploaded to the chart (fileId) or a reference (photoRef)', ChartAnswerDto)
  @Put('photo')
  @RequiresPermission('clients:write')
  async setPhoto(@ChartCallParams() call: ChartCall, @Body() body: SetClientPhotoRequestDto) {
    return this.sender.change(call, { type: 'SetClientPhoto', photoRef: await photoRefOf(this.runner, call, body) });
  }

  @ApiChanged('Remove the photo of the client', ChartAnswerDto)
  @Delete('photo')
  @RequiresPermission('clients:write')
  removePhoto(@ChartCallParams() call: ChartCall) {
    return this.sender.change(call, { type: 'RemoveClientPhoto' });
  }

  @ApiChanged('Tag the client', ChartAnswerDto)
  @Post('tags')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  tag(@ChartCallParams() call: ChartCall, @Body() body: TagClientRequestDto) {
    const envelope = this.sender.envelope(call, 'TagClient');
    return this.sender.send(new TagClientCommand(envelope, call.chartId, body.tagId, call.ifMatch));
  }

  @ApiChanged('Untag the client', ChartAnswerDto)
  @Delete('tags/:tagId')
  @RequiresPermission('clients:write')
  untag(@ChartCallParams() call: ChartCall, @Param('tagId') tagId: string) {
    return this.sender.change(call, { type: 'UntagClient', tagId: uuidParam(tagId, 'tagId') });
  }

  @ApiChanged('Record a setup step as done', ChartAnswerDto)
  @ApiParam({ name: 'step', enum: [...setupSteps] })
  @Post('setup/steps/:step')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  completeStep(@ChartCallParams() call: ChartCall, @Param('step') step: string) {
    if (!(setupSteps as readonly string[]).includes(step)) {
      throw badRequest('ValidationFailed', 'The request is not valid', [{ field: 'step', in: 'path', message: `must be one of ${setupSteps.join(', ')}` }]);
    }
    return this.sender.change(call, { type: 'CompleteSetupStep', step: step as SetupStep });
  }

  @ApiChanged('Complete the client setup', ChartAnswerDto)
  @Post('setup/complete')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  completeSetup(@ChartCallParams() call: ChartCall) {
    return this.sender.change(call, { type: 'CompleteClientSetup' });
  }
}
